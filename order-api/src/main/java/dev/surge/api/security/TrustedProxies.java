package dev.surge.api.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Spring's forwarded-header handling
 * ({@code server.forward-headers-strategy: framework}), believed only from the proxies in
 * {@code surge.forwarded.trusted-proxies}: from any other peer the headers are removed,
 * so a client cannot choose its own address (and rate limit bucket) with
 * {@code X-Forwarded-For}. The client is the right-most address of
 * {@code X-Forwarded-For} that is not a trusted proxy: each proxy appends the address it
 * saw, so everything left of that is what the client itself sent.
 */
@Component(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
@ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
final class TrustedProxies extends ForwardedHeaderTransformer {

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final List<IpSubnetFilterRule> proxies;

	private final ForwardedHeaderTransformer removeOnly = new ForwardedHeaderTransformer();

	TrustedProxies(ForwardedProperties properties) {
		this.proxies = properties.trustedProxies().stream().map(TrustedProxies::rule).toList();
		this.removeOnly.setRemoveOnly(true);
	}

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		if (!hasForwardedHeaders(request)) {
			return request;
		}
		InetSocketAddress peer = request.getRemoteAddress();
		if (peer == null || !trusted(peer.getAddress())) {
			return this.removeOnly.apply(request);
		}
		InetAddress client = client(peer.getAddress(), request.getHeaders().get(X_FORWARDED_FOR));
		ServerHttpRequest forwarded = super.apply(request);
		return (client != null) ? forwarded.mutate().remoteAddress(new InetSocketAddress(client, 0)).build()
				: forwarded;
	}

	/** The right-most untrusted hop of X-Forwarded-For; null without that header. */
	private @Nullable InetAddress client(InetAddress peer, @Nullable List<String> headers) {
		if (headers == null || headers.isEmpty()) {
			return null;
		}
		String[] hops = String.join(",", headers).split(",");
		InetAddress client = peer;
		for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
			InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops[i].trim());
			if (hop == null) {
				break; // not an address: nothing left of it can be trusted either
			}
			client = hop;
		}
		return client;
	}

	boolean trusted(@Nullable InetAddress address) {
		if (address == null) {
			return false;
		}
		for (IpSubnetFilterRule proxy : this.proxies) {
			if (proxy.matches(new InetSocketAddress(address, 0))) {
				return true;
			}
		}
		return false;
	}

	private static IpSubnetFilterRule rule(String proxy) {
		int slash = proxy.indexOf('/');
		String address = (slash < 0) ? proxy.trim() : proxy.substring(0, slash).trim();
		InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
		if (parsed == null) {
			throw new IllegalArgumentException(
					"surge.forwarded.trusted-proxies: not an address or CIDR range: " + proxy);
		}
		int bits = (slash < 0) ? parsed.getAddress().length * 8 : Integer.parseInt(proxy.substring(slash + 1).trim());
		return new IpSubnetFilterRule(parsed, bits, IpFilterRuleType.ACCEPT);
	}

}
