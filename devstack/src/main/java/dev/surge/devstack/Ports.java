package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;

/**
 * The one place that picks and checks local ports: free ports for tests and chaos runs,
 * Redis Cluster ports whose bus port is free too, and a clear failure when a fixed port
 * is taken.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * One free port on 127.0.0.1.
	 * @return a port nothing listens on right now
	 */
	public static int free() {
		return free(1)[0];
	}

	/**
	 * Distinct free ports: all sockets are held open until every port is picked.
	 * @param count how many
	 * @return {@code count} different free ports
	 */
	public static int[] free(int count) {
		ServerSocket[] sockets = new ServerSocket[count];
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ports[i] = sockets[i].getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				closeQuietly(socket);
			}
		}
	}

	/**
	 * Free ports below 55535 whose Redis Cluster bus port (+10000) is free too.
	 * @param count how many
	 * @return {@code count} ports at least two apart from each other and their bus ports
	 */
	static int[] freeWithBus(int count) {
		int[] ports = new int[count];
		Random random = new Random();
		int found = 0;
		while (found < count) {
			int candidate = 20000 + random.nextInt(30000);
			boolean taken = false;
			for (int i = 0; i < found; i++) {
				taken |= Math.abs(ports[i] - candidate) < 2 || Math.abs(ports[i] + 10000 - candidate) < 2
						|| Math.abs(ports[i] - 10000 - candidate) < 2;
			}
			if (!taken && isFree(candidate) && isFree(candidate + 10000)) {
				ports[found++] = candidate;
			}
		}
		return ports;
	}

	/**
	 * Fails with a clear message when something already listens on {@code port}.
	 * @param port the port a server is about to bind
	 * @param server what is about to bind it, for the message
	 */
	public static void requireFree(int port, String server) {
		if (!isFree(port)) {
			throw new IllegalStateException(
					server + " port " + port + " is already in use (another devstack or server still running?)");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// best effort
			}
		}
	}

}
