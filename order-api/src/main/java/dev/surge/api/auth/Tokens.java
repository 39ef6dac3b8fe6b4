package dev.surge.api.auth;

import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues HMAC-signed access tokens: subject is the user id, with the username and role.
 */
@Component
record Tokens(JwtEncoder encoder, SecurityProperties properties) {

	AccessToken issue(User user) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("surge")
			.subject(Long.toString(user.id()))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.tokenTtl()))
			.claim("username", user.username())
			.claim("role", user.role().name())
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new AccessToken(token, "Bearer", this.properties.tokenTtl().toSeconds(), user.username(), user.role());
	}

}
