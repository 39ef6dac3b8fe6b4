package dev.surge.api.live;

import java.time.Duration;

import reactor.core.publisher.Flux;

import dev.surge.api.auth.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events}: the live view as server-sent events. The access token comes in
 * the {@code Authorization} header or, for {@code EventSource}, as
 * {@code ?access_token=}.
 */
@RestController
record LiveController(LiveEvents events, ChangeFeed feed, LiveProperties properties) {

	private static final Duration RECONNECT = Duration.ofSeconds(3);

	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(@AuthenticationPrincipal Jwt token, ServerHttpResponse response) {
		CurrentUser user = CurrentUser.of(token);
		// no caching, no proxy buffering: each event is sent as it happens
		response.getHeaders().setCacheControl("no-cache");
		response.getHeaders().set("X-Accel-Buffering", "no");
		Flux<ServerSentEvent<Object>> opened = Flux
			.just(ServerSentEvent.builder().comment("connected").retry(RECONNECT).build());
		Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(this.properties.heartbeat())
			.onBackpressureDrop()
			.map((tick) -> ServerSentEvent.builder().comment("keepalive").build());
		Flux<ServerSentEvent<Object>> live = this.events.forUser(user).map(LiveController::toEvent);
		return Flux.concat(opened, Flux.merge(live, heartbeat)).takeUntilOther(this.feed.stopped());
	}

	static ServerSentEvent<Object> toEvent(LiveEvent event) {
		return ServerSentEvent.builder((Object) event).event(event.name()).build();
	}

}
