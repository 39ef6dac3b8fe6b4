package dev.surge.api.auth;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallRulesTests {

	@Test
	void headerRulesSayWhatSpringSecuritysExpressionsSay() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			String text = randomText(random);
			assertThat(SecurityConfiguration.assignedWithoutControls(text, false)).as(text)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
			assertThat(SecurityConfiguration.assignedWithoutControls(text, true)).as(text)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
		}
	}

	@Test
	void anAbsentHeaderPassesAsInSpringSecurity() {
		assertThat(SecurityConfiguration.assignedWithoutControls(null, true))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null))
			.isTrue();
		assertThat(SecurityConfiguration.assignedWithoutControls(null, false))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null))
			.isTrue();
	}

	@Test
	void refusesControlCharactersAndUnassignedCodePoints() {
		assertThat(SecurityConfiguration.assignedWithoutControls("Bearer abc.def-ghi", true)).isTrue();
		assertThat(SecurityConfiguration.assignedWithoutControls("a\tb", true)).isTrue();
		assertThat(SecurityConfiguration.assignedWithoutControls("a\tb", false)).isFalse();
		assertThat(SecurityConfiguration.assignedWithoutControls("a\r\nSet-Cookie: x", true)).isFalse();
		assertThat(SecurityConfiguration.assignedWithoutControls("a\u0378b", true)).isFalse();
	}

	/**
	 * Mostly ASCII, with controls, tabs, other planes, unassigned and lone surrogates.
	 */
	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			if (kind < 5) {
				text.append((char) (0x20 + random.nextInt(0x5f)));
			}
			else if (kind == 5) {
				text.append((char) random.nextInt(0x20));
			}
			else if (kind == 6) {
				text.append('\t');
			}
			else if (kind == 7) {
				text.append((char) (0xd800 + random.nextInt(0x800)));
			}
			else {
				text.appendCodePoint(random.nextInt(0x110000));
			}
		}
		return text.toString();
	}

}
