package dev.surge.api.admin;

import org.junit.jupiter.api.Test;

import dev.surge.api.system.ApiException;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

	@Test
	void logQueryDefaultsToTheFirstPageOfOrderLogs() {
		assertThat(LogQuery.of(null, null, null, null, null, null))
			.isEqualTo(new LogQuery(LogType.ORDER, null, null, null, 0, 20));
		assertThat(LogQuery.of("", "", "", "", "", "")).isEqualTo(new LogQuery(LogType.ORDER, null, null, null, 0, 20));
	}

	@Test
	void logQueryReadsEveryFilter() {
		assertThat(LogQuery.of("STOCK", "7000000000001", "42", "admin", "3", "100"))
			.isEqualTo(new LogQuery(LogType.STOCK, 7_000_000_000_001L, 42L, "admin", 3, 100));
	}

	@Test
	void rejectsValuesOutOfRangeNamingTheParameter() {
		assertInvalid(() -> LogQuery.of("AUDIT", null, null, null, null, null), "type");
		assertInvalid(() -> LogQuery.of(null, "12x", null, null, null, null), "orderId");
		assertInvalid(() -> LogQuery.of(null, "0", null, null, null, null), "orderId");
		assertInvalid(() -> LogQuery.of(null, "99999999999999999999", null, null, null, null), "orderId");
		assertInvalid(() -> LogQuery.of(null, null, "-1", null, null, null), "productId");
		assertInvalid(() -> LogQuery.of(null, null, null, "a b", null, null), "operator");
		assertInvalid(() -> LogQuery.of(null, null, null, "x".repeat(65), null, null), "operator");
		assertInvalid(() -> LogQuery.of(null, null, null, null, "10001", null), "page");
		assertInvalid(() -> LogQuery.of(null, null, null, null, null, "0"), "size");
		assertInvalid(() -> LogQuery.of(null, null, null, null, null, "101"), "size");
	}

	@Test
	void securityLogsHaveNoOrdersOrProducts() {
		assertInvalid(() -> LogQuery.of("SECURITY", "5", null, null, null, null), "orderId");
		assertInvalid(() -> LogQuery.of("SECURITY", null, "5", null, null, null), "productId");
		assertThat(LogQuery.of("SECURITY", null, null, "mallory", null, null).operator()).isEqualTo("mallory");
	}

	@Test
	void statusMustBeAState() {
		assertThat(QueryParameters.oneOf("status", "PAID", OrderStatus.class)).isEqualTo(OrderStatus.PAID);
		assertInvalid(() -> QueryParameters.oneOf("status", "paid", OrderStatus.class), "status");
	}

	private static void assertInvalid(Runnable parse, String parameter) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(parse::run).satisfies((ex) -> {
			assertThat(ex.problem().status().value()).isEqualTo(400);
			assertThat(ex.problem().type()).isEqualTo(ProblemType.INVALID_REQUEST);
			assertThat(ex.problem().properties()).containsEntry("parameter", parameter);
		});
	}

}
