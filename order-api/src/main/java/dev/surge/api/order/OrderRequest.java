package dev.surge.api.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/orders}: either one product ({@code productId}, {@code quantity}) or
 * several ({@code items}).
 *
 * @param productId the product of a one-product order
 * @param quantity its units
 * @param items the lines of a multi-product order
 */
record OrderRequest(@Nullable @Min(1) Long productId, @Nullable @Min(1) Integer quantity,
		@Nullable List<@Valid LineRequest> items) {

}
