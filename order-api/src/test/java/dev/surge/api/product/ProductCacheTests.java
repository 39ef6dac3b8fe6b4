package dev.surge.api.product;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.RedisKeys;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ProductCacheTests {

	private static final ProductDetails PHONE = new ProductDetails(42, "Phone", "/img/products/1.svg", 4999, 10);

	private final ReactiveStringRedisTemplate redis = mock();

	private final ReactiveValueOperations<String, String> values = mock();

	private final Blocking blocking = new Blocking();

	private final ProductCache cache = new ProductCache(this.redis, this.blocking,
			new ProductProperties(Duration.ofMinutes(5), Duration.ofSeconds(30)), JsonMapper.builder().build());

	private final AtomicInteger loads = new AtomicInteger();

	ProductCacheTests() {
		given(this.redis.opsForValue()).willReturn(this.values);
	}

	@AfterEach
	void close() {
		this.blocking.close();
	}

	@Test
	void aHitDoesNotReadMySql() {
		given(this.values.get(RedisKeys.productDetails(42)))
			.willReturn(Mono.just("{\"id\":42,\"name\":\"Phone\",\"imageUrl\":\"/img/products/1.svg\","
					+ "\"priceCents\":4999,\"warningStock\":10}"));

		assertThat(this.cache.product(42, this::load).block()).contains(PHONE);
		assertThat(this.loads).hasValue(0);
	}

	@Test
	void anAbsentMarkerIsAnUnknownProduct() {
		given(this.values.get(RedisKeys.productDetails(42))).willReturn(Mono.just(ProductCache.ABSENT));

		assertThat(this.cache.product(42, this::load).block()).isEmpty();
		assertThat(this.loads).hasValue(0);
	}

	@Test
	void aMissStoresUnderTheGenerationReadBeforeMySql() {
		given(this.values.get(RedisKeys.productDetails(42))).willReturn(Mono.empty());
		given(this.values.get(RedisKeys.productGeneration(42))).willReturn(Mono.just("7"));
		given(this.redis.execute(any(RedisScript.class), anyList(), anyList())).willReturn(Flux.just(1L));

		assertThat(this.cache.product(42, this::load).block()).contains(PHONE);

		assertThat(this.loads).hasValue(1);
		List<String> arguments = fillArguments();
		assertThat(arguments.get(0)).isEqualTo("7");
		assertThat(arguments.get(1)).contains("\"name\":\"Phone\"").doesNotContain("available");
		assertThat(arguments.get(2)).isEqualTo("300000");
	}

	@Test
	void anUnknownProductIsStoredAsAbsentWithTheShortTtl() {
		given(this.values.get(RedisKeys.productDetails(42))).willReturn(Mono.empty());
		given(this.values.get(RedisKeys.productGeneration(42))).willReturn(Mono.empty());
		given(this.redis.execute(any(RedisScript.class), anyList(), anyList())).willReturn(Flux.just(1L));

		assertThat(this.cache.product(42, Optional::empty).block()).isEmpty();

		assertThat(fillArguments()).containsExactly("", ProductCache.ABSENT, "30000");
	}

	@Test
	void anUnreadableValueIsAMissAndIsOverwritten() {
		given(this.values.get(RedisKeys.productDetails(42))).willReturn(Mono.just("{\"unexpected\":true}"));
		given(this.values.get(RedisKeys.productGeneration(42))).willReturn(Mono.just("3"));
		given(this.redis.execute(any(RedisScript.class), anyList(), anyList())).willReturn(Flux.just(1L));

		assertThat(this.cache.product(42, this::load).block()).contains(PHONE);
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void redisDownReadsMySqlAndStoresNothing() {
		given(this.values.get(RedisKeys.productDetails(42)))
			.willReturn(Mono.error(new RedisConnectionFailureException("down")));

		assertThat(this.cache.product(42, this::load).block()).contains(PHONE);

		assertThat(this.loads).hasValue(1);
		verify(this.redis, never()).execute(any(RedisScript.class), anyList(), anyList());
	}

	@Test
	void aFailedStoreStillAnswers() {
		given(this.values.get(RedisKeys.catalogue())).willReturn(Mono.empty());
		given(this.values.get(RedisKeys.catalogueGeneration())).willReturn(Mono.empty());
		given(this.redis.execute(any(RedisScript.class), anyList(), anyList()))
			.willReturn(Flux.error(new RedisConnectionFailureException("down")));

		assertThat(this.cache.catalogue(() -> List.of(PHONE)).block()).containsExactly(PHONE);
	}

	@Test
	void aCachedCatalogueIsReadBack() {
		given(this.values.get(RedisKeys.catalogue()))
			.willReturn(Mono.just("[{\"id\":42,\"name\":\"Phone\",\"imageUrl\":\"/img/products/1.svg\","
					+ "\"priceCents\":4999,\"warningStock\":10}]"));

		assertThat(this.cache.catalogue(List::of).block()).containsExactly(PHONE);
	}

	private Optional<ProductDetails> load() {
		this.loads.incrementAndGet();
		return Optional.of(PHONE);
	}

	@SuppressWarnings("unchecked")
	private List<String> fillArguments() {
		ArgumentCaptor<List<String>> arguments = ArgumentCaptor.forClass(List.class);
		verify(this.redis).execute(any(RedisScript.class), anyList(), arguments.capture());
		return arguments.getValue();
	}

}
