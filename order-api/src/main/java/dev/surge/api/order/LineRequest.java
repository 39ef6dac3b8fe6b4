package dev.surge.api.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One line of an order request.
 *
 * @param productId the product
 * @param quantity units, at least one
 */
record LineRequest(@NotNull @Min(1) @Max(Long.MAX_VALUE / 2) Long productId, @NotNull @Min(1) Integer quantity) {

}
