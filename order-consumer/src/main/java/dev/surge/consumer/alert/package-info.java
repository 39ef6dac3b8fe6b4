/**
 * Low-stock alerts: a timer compares available units with each product's warning level
 * and raises one alert per crossing (Kafka, change notice, optional webhook).
 */
@NullMarked
package dev.surge.consumer.alert;

import org.jspecify.annotations.NullMarked;
