package dev.surge.api.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the product administration.
 */
final class ProductChanges {

	private ProductChanges() {
	}

	/**
	 * {@code PUT /api/admin/products/{id}}: the details, not the stock.
	 *
	 * @param name display name
	 * @param imageUrl picture
	 * @param priceCents unit price for new orders
	 * @param warningStock low-stock threshold
	 */
	record Details(@NotBlank @Size(max = 200) String name,
			@Nullable @Size(max = 500) @Pattern(regexp = "(/|https://)[^\\s]*") String imageUrl,
			@NotNull @Min(0) @Max(100_000_000_00L) Long priceCents,
			@NotNull @Min(0) @Max(1_000_000) Integer warningStock) {
	}

	/**
	 * {@code POST /api/admin/products/{id}/restock}.
	 *
	 * @param quantity units to add
	 * @param reason why, for the stock log
	 */
	record Restock(@NotNull @Min(1) @Max(1_000_000) Integer quantity, @Nullable @Size(max = 200) String reason) {
	}

}
