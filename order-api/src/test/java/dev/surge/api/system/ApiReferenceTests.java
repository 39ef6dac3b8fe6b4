package dev.surge.api.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSecurityConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webflux.core.configuration.SpringDocWebFluxConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reference is generated from the controllers: every route is in it with its
 * answers and problem types, and the UI's copy ({@code frontend/openapi.json}, the source
 * of its generated types) is the same document. After a change of the API, run this test
 * with {@code -Dapi-reference.update=true} to rewrite that copy, then rebuild the UI.
 */
@WebFluxTest(excludeAutoConfiguration = { ReactiveWebSecurityAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocSecurityConfiguration.class, SpringDocSpecPropertiesConfiguration.class,
		SpringDocWebFluxConfiguration.class })
@Import({ ApiReference.class, ApiReferenceTests.Collaborators.class })
class ApiReferenceTests {

	static final Path SNAPSHOT = Path.of("..", "frontend", "openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static @Nullable JsonNode generated;

	@Autowired
	private WebTestClient client;

	@Autowired
	private RequestMappingHandlerMapping mappings;

	@Test
	void documentsEveryRouteOfEveryController() {
		JsonNode paths = reference().get("paths");
		List<String> missing = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("dev.surge")) {
				return;
			}
			for (var pattern : info.getPatternsCondition().getPatterns()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					JsonNode operation = paths.path(pattern.getPatternString())
						.path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode() || !operation.has("responses")) {
						missing.add(method + " " + pattern);
					}
				}
			}
		});
		assertThat(missing).isEmpty();
		assertThat(this.mappings.getHandlerMethods()).isNotEmpty();
	}

	@Test
	void everyOperationNamesItsSuccessAndItsProblems() {
		reference().get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode responses = operation.getValue().get("responses");
			String route = operation.getKey() + " " + path.getKey();
			assertThat(responses.propertyNames().stream().filter((status) -> status.startsWith("2")))
				.as(route + ": a success status")
				.hasSize(1);
			responses.properties()
				.stream()
				.filter((answer) -> answer.getKey().matches("[45]\\d\\d"))
				.forEach((answer) -> {
					JsonNode examples = answer.getValue()
						.path("content")
						.path("application/problem+json")
						.path("examples");
					assertThat(examples.isEmpty()).as(route + " " + answer.getKey() + ": problem types").isFalse();
				});
			assertThat(responses.has("429")).as(route + ": rate limit").isTrue();
		}));
	}

	@Test
	void theProblemTypesAreTheApisOwn() {
		JsonNode listed = reference().at("/components/schemas/ProblemType/enum");
		assertThat(listed.valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList());
		JsonNode placing = reference()
			.at("/paths/~1api~1orders/post/responses/409/content/application~1problem+json/examples");
		assertThat(placing.at("/OUT_OF_STOCK/value/type").asString()).isEqualTo("/problems/out-of-stock");
	}

	@Test
	void saysWhichRoutesNeedABearerToken() {
		JsonNode reference = reference();
		assertThat(reference.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
		assertThat(reference.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString()).isEqualTo("JWT");
		assertThat(reference.at("/security/0/bearer-jwt").isArray()).isTrue();
		assertThat(reference.at("/paths/~1api~1auth~1token/post/security").isEmpty()).isTrue();
		assertThat(reference.at("/paths/~1api~1auth~1token/post/responses/401").isMissingNode()).isFalse();
		assertThat(reference.at("/paths/~1api~1orders/post/responses/401/content").isMissingNode()).isFalse();
		assertThat(reference.at("/paths/~1api~1admin~1stats/get/responses/403").isMissingNode()).isFalse();
	}

	@Test
	void theUisCopyIsTheGeneratedReference() throws IOException {
		JsonNode generated = reference();
		if (Boolean.getBoolean("api-reference.update")) {
			Files.writeString(SNAPSHOT, JSON.writeValueAsString(generated) + "\n");
		}
		assertThat(Files.exists(SNAPSHOT)).as(SNAPSHOT + " exists").isTrue();
		assertThat(JSON.readTree(SNAPSHOT.toFile()))
			.as("%s is stale: rerun ApiReferenceTests with -Dapi-reference.update=true", SNAPSHOT)
			.isEqualTo(generated);
	}

	/**
	 * Generated once per run: the first request builds the document, which takes a while.
	 */
	private JsonNode reference() {
		if (generated == null) {
			generated = fetch();
		}
		return generated;
	}

	private JsonNode fetch() {
		byte[] body = this.client.mutate()
			.responseTimeout(Duration.ofMinutes(1))
			.build()
			.get()
			.uri(ApiReference.DOCS_PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body);
	}

	/**
	 * Stand-ins for what the controllers are built with: the reference is read from their
	 * signatures, none of them is called.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Collaborators {

		@Bean
		static BeanDefinitionRegistryPostProcessor controllerCollaborators() {
			return new BeanDefinitionRegistryPostProcessor() {

				@Override
				public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
					ConfigurableListableBeanFactory beans = (ConfigurableListableBeanFactory) registry;
					for (String name : registry.getBeanDefinitionNames()) {
						Class<?> type = beans.getType(name, false);
						if (type == null || !type.getPackageName().startsWith("dev.surge")
								|| !AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
							continue;
						}
						for (Class<?> parameter : BeanUtils.getResolvableConstructor(type).getParameterTypes()) {
							if (beans.getBeanNamesForType(parameter, true, false).length == 0) {
								register(registry, beans, parameter);
							}
						}
					}
				}

				@Override
				public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
				}

			};
		}

		/** Settings bound as the application binds them, anything else a mock. */
		private static <T> void register(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beans,
				Class<T> type) {
			ConfigurationProperties settings = type.getAnnotation(ConfigurationProperties.class);
			AbstractBeanDefinition definition = (settings == null)
					? BeanDefinitionBuilder.genericBeanDefinition(type, () -> Mockito.mock(type)).getBeanDefinition()
					: BeanDefinitionBuilder
						.genericBeanDefinition(type,
								() -> Binder.get(beans.getBean(Environment.class))
									.bindOrCreate(settings.prefix(), Bindable.of(type)))
						.getBeanDefinition();
			definition.setAttribute(BindMethod.class.getName(), BindMethod.VALUE_OBJECT);
			registry.registerBeanDefinition("test-" + type.getName(), definition);
		}

	}

}
