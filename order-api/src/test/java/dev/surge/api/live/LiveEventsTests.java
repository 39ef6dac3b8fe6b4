package dev.surge.api.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import dev.surge.api.admin.OrderStatistics;
import dev.surge.api.admin.StockLevel;
import dev.surge.api.admin.StockLevels;
import dev.surge.api.auth.CurrentUser;
import dev.surge.api.auth.Role;
import dev.surge.api.system.Blocking;
import dev.surge.contracts.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class LiveEventsTests {

	private final LiveProperties properties = new LiveProperties(true, "test-", Duration.ofSeconds(15),
			Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(2), 64);

	private final ChangeFeed feed = new ChangeFeed(this.properties, new KafkaProperties());

	private final StockLevels stockLevels = mock();

	private final Blocking blocking = new Blocking();

	private final LiveEvents events = new LiveEvents(this.feed, this.properties, this.stockLevels,
			mock(OrderStatistics.class), this.blocking);

	private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.subscriptions.forEach(Disposable::dispose);
		this.blocking.close();
	}

	@Test
	void routesOrdersToTheirOwnersAndEverythingToAdmins() {
		List<LiveEvent> alice = subscribe(new CurrentUser(3, "alice", Role.CUSTOMER));
		List<LiveEvent> admin = subscribe(new CurrentUser(1, "admin", Role.ADMIN));
		notice(Topics.CHANGES,
				"""
						{"type":"ORDER","orders":[{"orderId":7,"userId":3,"from":"ACCEPTED","status":"PENDING_PAYMENT","operator":"system"},
						{"orderId":8,"userId":4,"from":"ACCEPTED","status":"PENDING_PAYMENT","operator":"system"}]}""");
		notice(Topics.STOCK_ALERTS,
				"{\"productId\":4,\"name\":\"Watch\",\"available\":3,\"warningStock\":10,\"at\":5}");
		notice(Topics.CHANGES,
				"{\"type\":\"LOW_STOCK\",\"productId\":4,\"name\":\"Watch\",\"available\":3,\"warningStock\":10,\"at\":5}");
		await().untilAsserted(() -> assertThat(admin).hasSize(5));
		assertThat(alice).containsExactly(new LiveEvent.OrderUpdate("7", 3L, "PENDING_PAYMENT", null));
		assertThat(admin).filteredOn(LiveEvent.Alert.class::isInstance)
			.containsExactly(new LiveEvent.Alert(4, "Watch", 3, 10));
		assertThat(admin).filteredOn(LiveEvent.LogLine.class::isInstance).hasSize(2);
	}

	@Test
	void readsTheStockOfAProductOncePerIntervalHoweverManyNoticesNameIt() {
		given(this.stockLevels.of(anyCollection()))
			.willReturn(Mono.just(List.of(new StockLevel(1, "Watch", null, 100, 10, 20, 15, 3, 2, 14L))));
		List<LiveEvent> alice = subscribe(new CurrentUser(3, "alice", Role.CUSTOMER));
		var burst = Executors.newSingleThreadExecutor();
		burst.submit(() -> {
			for (int i = 0; i < 50; i++) {
				notice(Topics.CHANGES, "{\"type\":\"STOCK\",\"productIds\":[1]}");
			}
		});
		burst.close();
		await().untilAsserted(() -> assertThat(alice).isNotEmpty());
		assertThat(alice.getFirst()).isEqualTo(new LiveEvent.StockUpdate(1, 20, 15, 3, 2, 14L));
		verify(this.stockLevels, times(alice.size())).of(List.of(1L));
		assertThat(alice).hasSizeLessThan(5);
	}

	@Test
	void aSubscriberThatDoesNotReadDoesNotHoldUpTheOthers() {
		this.subscriptions.add(this.events.forUser(new CurrentUser(1, "stuck", Role.ADMIN)).subscribe((event) -> {
		}, (ex) -> {
		}, () -> {
		}, (subscription) -> subscription.request(1)));
		List<LiveEvent> admin = subscribe(new CurrentUser(2, "admin", Role.ADMIN));
		for (int i = 0; i < 500; i++) {
			notice(Topics.CHANGES, "{\"type\":\"ORDER\",\"orders\":[{\"orderId\":" + (i + 1)
					+ ",\"userId\":3,\"status\":\"PAID\",\"operator\":\"system\"}]}");
		}
		await().untilAsserted(() -> assertThat(admin).hasSize(1000));
	}

	private List<LiveEvent> subscribe(CurrentUser user) {
		List<LiveEvent> received = new CopyOnWriteArrayList<>();
		this.subscriptions.add(this.events.forUser(user).subscribe(received::add));
		return received;
	}

	private synchronized void notice(String topic, String json) {
		this.feed.accept(new ConsumerRecord<>(topic, 0, 0, "key", json.getBytes(StandardCharsets.UTF_8)));
	}

}
