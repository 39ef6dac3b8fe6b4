package dev.surge.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTests {

	@Test
	void keysOfOneProductShareOneHashTag() {
		assertThat(RedisKeys.stock(42)).isEqualTo("stock:{p42}");
		assertThat(RedisKeys.reservations(42)).isEqualTo("resv:{p42}");
		assertThat(RedisKeys.returnMarker(42, 7, "RELEASE")).isEqualTo("rel:{p42}:7:RELEASE");
		assertThat(RedisKeys.logReturnMarker(42, 9, "RESTOCK")).isEqualTo("rel:{p42}:log9:RESTOCK");
		assertThat(RedisKeys.productDetails(42)).isEqualTo("product:{p42}");
		assertThat(RedisKeys.productGeneration(42)).isEqualTo("product:{p42}:gen");
	}

	@Test
	void catalogueKeysShareOneHashTag() {
		assertThat(RedisKeys.catalogue()).isEqualTo("products:{list}");
		assertThat(RedisKeys.catalogueGeneration()).isEqualTo("products:{list}:gen");
	}

	@Test
	void parsesTheProductIdBackOutOfAKey() {
		assertThat(RedisKeys.productIdOf("resv:{p1234}")).isEqualTo(1234);
	}

	@Test
	void reservationValueRoundTrips() {
		Reservations held = Reservations.parse("3:1763900000000");
		assertThat(held).isEqualTo(new Reservations(3, 1763900000000L));
		assertThat(held.format()).isEqualTo("3:1763900000000");
	}

	@Test
	void everyScriptIsOnTheClasspath() {
		for (Scripts script : Scripts.values()) {
			assertThat(script.source()).contains("KEYS[1]");
		}
	}

}
