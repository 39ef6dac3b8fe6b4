package dev.surge.api.security;

import java.text.Normalizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;

/**
 * How request bodies are read: JSON with no unknown, duplicate or coerced fields (no
 * {@code "1"} for 1, no 1.5 for an integer, no number for an enum), bounded nesting,
 * number and string lengths, and text in Unicode NFC without control characters or
 * unpaired surrogates. Only the HTTP decoder is strict; Kafka and Redis payloads keep the
 * application's mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	/** Text that ProblemHandling recognises to explain the rejection. */
	static final String BAD_TEXT = "Text with control characters or unpaired surrogates";

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	CodecCustomizer strictJsonDecoder(InputProperties properties) {
		int maxBytes = (int) properties.maxBodySize().toBytes();
		JacksonJsonDecoder decoder = new JacksonJsonDecoder(mapper(properties));
		decoder.setMaxInMemorySize(maxBytes);
		return (configurer) -> {
			configurer.defaultCodecs().maxInMemorySize(maxBytes);
			configurer.defaultCodecs().jacksonJsonDecoder(decoder);
		};
	}

	static JsonMapper mapper(InputProperties properties) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(properties.maxDepth())
			.maxNumberLength(40)
			.maxStringLength((int) properties.maxBodySize().toBytes())
			.maxNameLength(200)
			.build();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(constraints)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		return JsonMapper.builder(factory)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfigDefaults(
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert))
			.addModule(new SimpleModule("surge-text").addDeserializer(String.class, new NormalisedText()))
			.build();
	}

	/** Strings as NFC, refusing control characters and broken surrogate pairs. */
	static final class NormalisedText extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (!acceptable(text)) {
				throw context.weirdStringException(text.substring(0, Math.min(20, text.length())), String.class,
						BAD_TEXT);
			}
			return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
					: Normalizer.normalize(text, Normalizer.Form.NFC);
		}

		static boolean acceptable(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')
						|| c == '\uFFFE' || c == '\uFFFF') {
					return false;
				}
			}
			return true;
		}

	}

}
