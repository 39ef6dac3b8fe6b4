package dev.surge.api.order;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import reactor.core.publisher.Mono;

import dev.surge.api.product.ProductCatalog;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The outcomes of placing an order, with the stores at the boundary replaced: what is
 * reserved, remembered, published, given back and recorded under the Idempotency-Key in
 * each case.
 */
class OrderPlacementTests {

	private final StockGate gate = mock();

	private final OrderPublisher publisher = mock();

	private final InFlightOrders inFlight = mock();

	private final ProductCatalog catalog = mock();

	private final IdempotencyRecords idempotency = mock();

	private final OrderFates fates = mock();

	private final OrderPlacement placement = new OrderPlacement(this.gate, this.publisher, this.idempotency, this.fates,
			this.inFlight, this.catalog, new OrderIds(1, System::currentTimeMillis),
			new OrderProperties(10, 10, Duration.ofHours(1)), BulkheadRegistry.ofDefaults(),
			new OrderMetrics(new SimpleMeterRegistry()));

	@BeforeEach
	void storesAnswer() {
		given(this.gate.reserve(anyLong(), any(), anyLong()))
			.willAnswer((call) -> Mono.just(new Reservation.Reserved(call.<OrderLine>getArgument(1).productId(), 5)));
		given(this.gate.release(anyLong(), anyLong())).willReturn(Mono.just(1L));
		given(this.inFlight.remember(any())).willReturn(Mono.just(true));
		given(this.inFlight.forget(anyLong())).willReturn(Mono.empty());
		given(this.publisher.publish(any())).willReturn(Mono.just(mock(RecordMetadata.class)));
	}

	@Test
	void anOrderIsRememberedBeforeItIsPublishedAndNothingIsGivenBack() {
		Placement answer = place(7, 2);

		assertThat(answer).isInstanceOf(Placement.Accepted.class);
		InOrder order = inOrder(this.gate, this.inFlight, this.publisher);
		order.verify(this.gate).reserve(anyLong(), any(), anyLong());
		order.verify(this.inFlight).remember(any(OrderPlaced.class));
		order.verify(this.publisher).publish(any(OrderPlaced.class));
		verify(this.gate, never()).release(anyLong(), anyLong());
		verify(this.inFlight, never()).forget(anyLong());
	}

	@Test
	void aShortLineRefusesTheOrderNamingEveryShortProductAndGivesBackTheRest() {
		willAnswer((call) -> {
			long product = call.<OrderLine>getArgument(1).productId();
			return Mono.just((product == 7) ? new Reservation.Reserved(7, 0)
					: new Reservation.OutOfStock(product, call.<OrderLine>getArgument(1).quantity(), 1));
		}).given(this.gate).reserve(anyLong(), any(), anyLong());

		Placement answer = this.placement
			.place(42,
					new OrderRequest(null, null,
							List.of(new LineRequest(7L, 1), new LineRequest(8L, 3), new LineRequest(9L, 2))),
					null)
			.block();

		assertThat(answer).isEqualTo(
				new Placement.OutOfStock(List.of(new Placement.Shortage(8, 3, 1), new Placement.Shortage(9, 2, 1))));
		verify(this.gate).release(anyLong(), eq(7L));
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void aPublishThatFailedForCertainGivesTheStockBackAndForgetsTheCopy() {
		given(this.publisher.publish(any())).willReturn(Mono.error(new IllegalStateException("broker refused")));

		Placement answer = place(7, 1);

		assertThat(answer).isInstanceOf(Placement.Unavailable.class);
		verify(this.gate).release(anyLong(), eq(7L));
		verify(this.inFlight).forget(anyLong());
	}

	@Test
	void aPublishOfUnknownOutcomeKeepsTheReservationForTheSweeper() {
		given(this.publisher.publish(any()))
			.willReturn(Mono.error(new OrderPublisher.OutcomeUnknown(new java.util.concurrent.TimeoutException())));

		Placement answer = place(7, 1);

		assertThat(answer).isInstanceOf(Placement.Unconfirmed.class);
		verify(this.gate, never()).release(anyLong(), anyLong());
		verify(this.inFlight).forget(anyLong());
	}

	@Test
	void aCopyThatCouldNotBeWrittenIsNeverPublished() {
		given(this.inFlight.remember(any())).willReturn(Mono.error(new IllegalStateException("Redis down")));

		Placement answer = place(7, 1);

		assertThat(answer).isInstanceOf(Placement.Unavailable.class);
		verify(this.publisher, never()).publish(any());
		verify(this.gate).release(anyLong(), eq(7L));
	}

	@Test
	void nothingIsReservedWhileKafkaIsKnownToRefuse() {
		given(this.publisher.refusing()).willReturn(true);

		assertThat(place(7, 1)).isInstanceOf(Placement.Unavailable.class);
		verify(this.gate, never()).reserve(anyLong(), any(), anyLong());
	}

	@Test
	void aKeyedRequestOfUnknownOutcomeKeepsItsOrderUnderTheKey() {
		given(this.idempotency.begin(anyLong(), any(), any())).willReturn(Mono.just(new IdempotencyCheck.First()));
		given(this.idempotency.unconfirmed(anyLong(), any(), any())).willReturn(Mono.empty());
		given(this.publisher.publish(any()))
			.willReturn(Mono.error(new OrderPublisher.OutcomeUnknown(new java.util.concurrent.TimeoutException())));

		Placement answer = placeWithKey();

		assertThat(answer).isInstanceOf(Placement.Unconfirmed.class);
		verify(this.idempotency).unconfirmed(eq(42L), eq(KEY), eq((Placement.Unconfirmed) answer));
		verify(this.idempotency, never()).forget(anyLong(), any());
	}

	@Test
	void aRetryAfterTheUnconfirmedOrderWasWrittenAnswersThatOrderAndGivesBackItsOwnReservation() {
		pendingWithFate(OrderFates.Fate.PLACED);
		given(this.idempotency.complete(anyLong(), any(), any())).willReturn(Mono.empty());

		Placement answer = placeWithKey();

		assertThat(answer).isEqualTo(new Placement.Accepted(EARLIER.orderId(), EARLIER.orderNo()));
		verify(this.idempotency).complete(42L, KEY, (Placement.Accepted) answer);
		verify(this.gate).release(anyLong(), eq(7L));
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void aRetryWhileTheUnconfirmedOrderIsUndecidedIsToldToWait() {
		pendingWithFate(OrderFates.Fate.UNDECIDED);

		assertThat(placeWithKey()).isInstanceOf(Placement.InFlight.class);
		verify(this.gate).release(anyLong(), eq(7L));
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void aRetryAfterTheUnconfirmedOrderWasAbandonedPlacesOneNewOrder() {
		pendingWithFate(OrderFates.Fate.ABANDONED);
		given(this.idempotency.restart(42L, KEY, EARLIER)).willReturn(Mono.just(true), Mono.just(false));
		given(this.idempotency.complete(anyLong(), any(), any())).willReturn(Mono.empty());

		Placement first = placeWithKey();
		Placement second = placeWithKey();

		assertThat(first).isInstanceOf(Placement.Accepted.class);
		assertThat(((Placement.Accepted) first).orderId()).isNotEqualTo(EARLIER.orderId());
		assertThat(second).isInstanceOf(Placement.InFlight.class);
		verify(this.publisher).publish(any());
	}

	private static final String KEY = "retry-key-1";

	private static final Placement.Unconfirmed EARLIER = new Placement.Unconfirmed(99, "S99");

	private void pendingWithFate(OrderFates.Fate fate) {
		given(this.idempotency.begin(anyLong(), any(), any()))
			.willReturn(Mono.just(new IdempotencyCheck.Pending(EARLIER)));
		given(this.fates.of(EARLIER.orderId())).willReturn(Mono.just(fate));
	}

	private Placement placeWithKey() {
		return this.placement.place(42, new OrderRequest(7L, 1, null), KEY).block();
	}

	private Placement place(long productId, int quantity) {
		return this.placement.place(42, new OrderRequest(productId, quantity, null), null).block();
	}

}
