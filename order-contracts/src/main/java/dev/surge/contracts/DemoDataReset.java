package dev.surge.contracts;

/**
 * The demo data was reset: every order is gone and every product's stock whole, so a live
 * view re-reads all it shows: {@code {"type":"RESET","operator":"..","requestId":".."}}.
 *
 * @param operator the admin who asked for it
 * @param requestId the reset's request id
 */
public record DemoDataReset(String operator, String requestId) implements ChangeNotice {

}
