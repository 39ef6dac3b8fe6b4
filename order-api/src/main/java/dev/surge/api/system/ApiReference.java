package dev.surge.api.system;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The API reference, generated from the code by springdoc: OpenAPI 3 at
 * {@value #DOCS_PATH}, Swagger UI at {@code /swagger-ui.html}. Adds what the controllers'
 * signatures do not say: the bearer token, and the problem documents each route answers
 * with, their type URIs taken from {@link ProblemType}.
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

	static final String DOCS_PATH = "/v3/api-docs";

	static final String BEARER = "bearer-jwt";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_TYPE = "ProblemType";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Bean
	OpenAPI surgeOpenApi() {
		return new OpenAPI().info(new Info().title("Surge API").version("v1").description("""
				The HTTP API of Surge, a flash-sale order pipeline. Order ids are 64-bit and travel as \
				strings. Every failure is an RFC 9457 problem document (`application/problem+json`) \
				whose `type` is one of `ProblemType`. Tokens come from `POST /api/auth/token` and go \
				in `Authorization: Bearer …` (`/api/events` also takes `?access_token=`)."""))
			.servers(List.of(new Server().url("/")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas(PROBLEM_TYPE, problemTypeSchema())
				.addSchemas(PROBLEM, problemSchema()));
	}

	/**
	 * A record's components are required unless marked {@code @Nullable}: the generated
	 * client types then say which fields are always there.
	 */
	@Bean
	ModelConverter recordComponentsRequired() {
		return (type, context, chain) -> {
			Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
			Class<?> raw = rawClass(type.getType());
			if (schema == null || raw == null || !raw.isRecord()) {
				return schema;
			}
			Schema<?> model = (schema.get$ref() != null)
					? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
					: schema;
			if (model != null && model.getProperties() != null) {
				for (RecordComponent component : raw.getRecordComponents()) {
					Schema<?> property = model.getProperties().get(component.getName());
					if (property == null) {
						continue;
					}
					if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
						nullable(property);
					}
					else if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
						model.addRequiredItem(component.getName());
					}
				}
			}
			return schema;
		};
	}

	/** {@code null} is a value of the property (OpenAPI 3.1: one of its types). */
	private static void nullable(Schema<?> property) {
		if (property.get$ref() == null && property.getTypes() != null) {
			property.addType("null");
		}
	}

	private static @Nullable Class<?> rawClass(Type type) {
		if (type instanceof Class<?> raw) {
			return raw;
		}
		return (type instanceof JavaType java) ? java.getRawClass() : null;
	}

	/** The problems a route declares with {@link Answers}. */
	@Bean
	OperationCustomizer declaredProblems() {
		return (operation, handler) -> {
			Answers answers = handler.getMethodAnnotation(Answers.class);
			if (answers != null) {
				addProblems(operation, Arrays.asList(answers.value()));
			}
			return operation;
		};
	}

	/** The problems every route may answer with. */
	@Bean
	OpenApiCustomizer commonProblems() {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperations()
				.forEach((operation) -> addProblems(operation, common(path, operation))));
	}

	/**
	 * Input that fails validation, a missing or wrong token, a role that may not (every
	 * {@code /api/admin/} route is for admins), the rate limit of {@code /api/**}, a
	 * backing service down.
	 */
	private static List<ProblemType> common(String path, Operation operation) {
		List<ProblemType> types = new ArrayList<>();
		boolean hasBody = operation.getRequestBody() != null;
		if (hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
			types.add(ProblemType.INVALID_REQUEST);
		}
		if (secured(operation)) {
			types.add(ProblemType.UNAUTHORIZED);
		}
		if (path.startsWith("/api/admin/")) {
			types.add(ProblemType.FORBIDDEN);
		}
		if (hasBody) {
			types.add(ProblemType.CONTENT_TOO_LARGE);
			types.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
		}
		types.add(ProblemType.RATE_LIMITED);
		types.add(ProblemType.UNAVAILABLE);
		return types;
	}

	/**
	 * Routes without a bearer token say so with an empty {@code @SecurityRequirements}.
	 */
	private static boolean secured(Operation operation) {
		return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
	}

	/** One response per status, one example per problem type. */
	private static void addProblems(Operation operation, List<ProblemType> types) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		for (ProblemType type : types) {
			String status = Integer.toString(type.status().value());
			ApiResponse response = operation.getResponses()
				.computeIfAbsent(status,
						(code) -> new ApiResponse().description(type.status().getReasonPhrase())
							.content(new Content().addMediaType(PROBLEM_JSON,
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			MediaType media = response.getContent().get(PROBLEM_JSON);
			if (media.getExamples() == null || !media.getExamples().containsKey(type.name())) {
				media.addExamples(type.name(), new Example().summary(type.title())
					.value(Map.of("type", type.uri(), "title", type.title(), "status", type.status().value())));
				response.setDescription(response.getDescription() + "; `" + type.uri() + "`");
			}
		}
	}

	private static Schema<String> problemTypeSchema() {
		StringSchema schema = new StringSchema();
		schema.description("The type URI of a problem, relative to the API's origin");
		for (ProblemType type : ProblemType.values()) {
			schema.addEnumItem(type.uri());
		}
		return schema;
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> schema = new ObjectSchema()
			.description("An RFC 9457 problem document; extension members (e.g. `productId`, `requested`, `available`) "
					+ "depend on the type")
			.addProperty("type", new Schema<>().$ref("#/components/schemas/" + PROBLEM_TYPE))
			.addProperty("title", new StringSchema())
			.addProperty("status",
					new IntegerSchema().minimum(BigDecimal.valueOf(400))
						.maximum(BigDecimal.valueOf(HttpStatus.NETWORK_AUTHENTICATION_REQUIRED.value())))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors",
					new ArraySchema().items(new ObjectSchema().addProperty("field", new StringSchema())
						.addProperty("message", new StringSchema())
						.required(List.of("field", "message"))));
		schema.setRequired(List.of("type", "title", "status"));
		schema.setAdditionalProperties(Boolean.TRUE);
		return schema;
	}

}
