package dev.surge.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on this machine for the consumer's alert webhook
 * ({@code surge.alerts.webhook-url}): keeps every body POSTed to it.
 */
final class AlertReceiver {

	private final HttpServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	AlertReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot open the alert receiver", ex);
		}
		this.server.createContext("/alerts", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				if ("POST".equals(exchange.getRequestMethod())) {
					this.bodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts";
	}

	List<String> bodies() {
		return List.copyOf(this.bodies);
	}

	void stop() {
		this.server.stop(0);
	}

}
