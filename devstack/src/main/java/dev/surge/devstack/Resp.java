package dev.surge.devstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The few Redis commands the chaos verdict needs (GET, HLEN), spoken in RESP over a
 * socket, so that devstack does not carry a Redis client library onto the Kafka broker's
 * classpath.
 */
final class Resp implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	Resp(String host, int port) {
		try {
			this.socket = new Socket(host, port);
			this.socket.setSoTimeout(10_000);
			this.in = new BufferedInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis at " + host + ":" + port + " not reachable", ex);
		}
	}

	@Nullable String get(String key) {
		Object reply = call("GET", key);
		return (reply != null) ? reply.toString() : null;
	}

	long hlen(String key) {
		Object reply = call("HLEN", key);
		return (reply instanceof Long count) ? count : 0;
	}

	private @Nullable Object call(String... args) {
		try {
			StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
			for (String arg : args) {
				command.append('$')
					.append(arg.getBytes(StandardCharsets.UTF_8).length)
					.append("\r\n")
					.append(arg)
					.append("\r\n");
			}
			this.out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			this.out.flush();
			return read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private @Nullable Object read() throws IOException {
		int type = this.in.read();
		String line = line();
		return switch (type) {
			case '+' -> line;
			case ':' -> Long.parseLong(line);
			case '-' -> throw new IllegalStateException("Redis: " + line);
			case '$' -> bulk(Integer.parseInt(line));
			default -> throw new IllegalStateException("Unexpected Redis reply " + (char) type + line);
		};
	}

	private @Nullable String bulk(int length) throws IOException {
		if (length < 0) {
			return null;
		}
		byte[] data = this.in.readNBytes(length + 2);
		return new String(data, 0, length, StandardCharsets.UTF_8);
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = this.in.read(); b != '\r'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("Redis closed the connection");
			}
			line.write(b);
		}
		this.in.read();
		return line.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
