package dev.surge.api.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems a route answers with besides those every route may answer (invalid input,
 * missing token, rate limit, unavailable): read by {@link ApiReference} for the API
 * reference.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Answers {

	ProblemType[] value();

}
