package dev.surge.api.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/products}.
 *
 * @param name display name
 * @param imageUrl picture: a path on this site or an https URL
 * @param priceCents unit price in cents
 * @param warningStock low-stock threshold
 * @param initialStock units to start with
 */
record NewProduct(@NotBlank @Size(max = 200) String name,
		@Nullable @Size(max = 500) @Pattern(regexp = "(/|https://)[^\\s]*") String imageUrl,
		@NotNull @Min(0) @Max(100_000_000_00L) Long priceCents, @NotNull @Min(0) @Max(1_000_000) Integer warningStock,
		@NotNull @Min(0) @Max(10_000_000) Integer initialStock) {

}
