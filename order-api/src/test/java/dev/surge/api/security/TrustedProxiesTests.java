package dev.surge.api.security;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(
			new ForwardedProperties(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8")));

	@Test
	void takesTheClientFromATrustedProxy() {
		ServerHttpRequest request = this.proxies.apply(from("10.1.2.3", "203.0.113.5"));

		assertThat(clientIp(request)).isEqualTo("203.0.113.5");
		assertThat(request.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			skips every trusted hop from the right            | 203.0.113.5, 192.168.1.7, 10.9.9.9 | 203.0.113.5
			ignores what the client wrote left of its address | 198.51.100.99, 203.0.113.5         | 203.0.113.5
			stops at a hop that is no address                 | 203.0.113.5, unknown, 10.4.4.4     | 10.4.4.4
			""")
	void takesTheRightmostUntrustedHopAsTheClient(String rule, String forwardedFor, String client) {
		assertThat(clientBehindTrustedProxy(forwardedFor)).isEqualTo(client);
	}

	@Test
	void dropsForwardedHeadersFromAnyOtherPeer() {
		MockServerHttpRequest spoofed = MockServerHttpRequest.get("http://api.example/api/products")
			.remoteAddress(new InetSocketAddress("203.0.113.5", 40000))
			.header("X-Forwarded-For", "198.51.100.1")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.build();

		ServerHttpRequest request = this.proxies.apply(spoofed);

		assertThat(clientIp(request)).isEqualTo("203.0.113.5");
		assertThat(request.getURI().getHost()).isEqualTo("api.example");
		assertThat(request.getURI().getScheme()).isEqualTo("http");
		assertThat(request.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
	}

	@Test
	void believesNoOneWhenNoProxyIsConfigured() {
		TrustedProxies none = new TrustedProxies(new ForwardedProperties(List.of()));

		assertThat(clientIp(none.apply(from("10.1.2.3", "203.0.113.5")))).isEqualTo("10.1.2.3");
	}

	@Test
	void refusesAProxyThatIsNoAddress() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrustedProxies(new ForwardedProperties(List.of("nginx"))))
			.withMessageContaining("nginx");
	}

	/** The client's address when a trusted proxy forwards {@code forwardedFor}. */
	private String clientBehindTrustedProxy(String forwardedFor) {
		return clientIp(this.proxies.apply(from("10.1.2.3", forwardedFor)));
	}

	private static MockServerHttpRequest from(String peer, String forwardedFor) {
		return MockServerHttpRequest.get("http://api.example/api/products")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header("X-Forwarded-For", forwardedFor)
			.build();
	}

	private static String clientIp(ServerHttpRequest request) {
		return SecurityEvent.clientIp(request);
	}

}
