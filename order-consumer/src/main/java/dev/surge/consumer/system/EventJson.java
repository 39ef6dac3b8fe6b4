package dev.surge.consumer.system;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON value of a record as one of a topic's events, or the topic's
 * {@link InvalidRecordException} saying why not: a poison record is then a decision of
 * the listener rather than of a deserializer. Unknown properties are ignored, a missing
 * number is invalid.
 *
 * @param <E> the topic's events
 */
public final class EventJson<E> {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Class<E> type;

	private final String name;

	private final BiFunction<String, @Nullable Throwable, ? extends InvalidRecordException> invalid;

	/**
	 * @param type the events' type
	 * @param name what an event is called in a message ("an order event")
	 * @param invalid the topic's exception, from a message and the cause if any
	 */
	public EventJson(Class<E> type, String name,
			BiFunction<String, @Nullable Throwable, ? extends InvalidRecordException> invalid) {
		this.type = type;
		this.name = name;
		this.invalid = invalid;
	}

	public E parse(byte @Nullable [] value) {
		if (value == null) {
			throw this.invalid.apply("Record has no value", null);
		}
		E event;
		try {
			event = JSON.readValue(value, this.type);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw this.invalid.apply("Not " + this.name + ": " + ex.getMessage(), ex);
		}
		if (event == null) {
			throw this.invalid.apply("Value is JSON null", null);
		}
		return event;
	}

}
