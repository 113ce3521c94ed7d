package io.stent.it.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider that logs in whoever the test names ({@code POST user}): discovery,
 * an authorization endpoint that sends the browser straight back with a code, a token endpoint
 * that answers an RS256-signed ID token with the user's groups, its key set and user info.
 */
@Path("")
@ApplicationScoped
public class MockProvider {

    private final KeyPair keys;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private volatile String user = "nobody";
    private volatile String groups = "";

    /** Makes the provider's signing key. */
    public MockProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Names the user the next login is for.
     *
     * @param name the user
     * @param groups comma-separated groups
     * @return ok
     */
    @POST
    @Path("user")
    public String user(@QueryParam("name") String name, @QueryParam("groups") String groups) {
        this.user = name;
        this.groups = groups == null ? "" : groups;
        return "ok";
    }

    /**
     * The provider's metadata.
     *
     * @param uri the request
     * @return the discovery document
     */
    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject discovery(@Context UriInfo uri) {
        String issuer = issuer(uri);
        return Json.createObjectBuilder().add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/auth").add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/jwks").add("userinfo_endpoint", issuer + "/userinfo")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("scopes_supported", Json.createArrayBuilder().add("openid").add("email").add("profile"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_basic")
                        .add("client_secret_post"))
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("groups").add("iss"))
                .build();
    }

    /**
     * Logs the named user in at once and sends the browser back with a code.
     *
     * @param redirect where to send it
     * @param state the client's state
     * @param nonce the client's nonce
     * @return the redirect
     */
    @GET
    @Path("auth")
    public Response authorize(@QueryParam("redirect_uri") String redirect, @QueryParam("state") String state,
                              @QueryParam("nonce") String nonce) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {user, groups, nonce});
        return Response.seeOther(UriBuilder.fromUri(redirect).queryParam("code", code).queryParam("state", state)
                .build()).build();
    }

    /**
     * Exchanges a code for tokens.
     *
     * @param code the code
     * @param clientId the client, when it sends it in the form
     * @param uri the request
     * @return the tokens
     */
    @POST
    @Path("token")
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("code") String code, @FormParam("client_id") String clientId,
                          @Context UriInfo uri) {
        String[] login = code == null ? null : codes.remove(code);
        if (login == null) {
            return Response.status(400).entity(Json.createObjectBuilder().add("error", "invalid_grant").build())
                    .type(MediaType.APPLICATION_JSON).build();
        }
        long now = Instant.now().getEpochSecond();
        JsonArrayBuilder groupList = Json.createArrayBuilder();
        for (String group : login[1].split(",")) {
            if (!group.isBlank()) {
                groupList.add(group.trim());
            }
        }
        var claims = Json.createObjectBuilder().add("iss", issuer(uri)).add("sub", login[0])
                .add("aud", clientId == null ? "stent-console" : clientId).add("iat", now).add("exp", now + 300)
                .add("preferred_username", login[0]).add("groups", groupList);
        if (login[2] != null) {
            claims.add("nonce", login[2]);
        }
        return Response.ok(Json.createObjectBuilder().add("access_token", UUID.randomUUID().toString())
                .add("token_type", "Bearer").add("expires_in", 300).add("id_token", sign(claims.build()))
                .build()).build();
    }

    /**
     * The provider's public key.
     *
     * @return the key set
     */
    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject keySet() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", "mock")
                .add("n", base64(unsigned(key.getModulus()))).add("e", base64(unsigned(key.getPublicExponent())))))
                .build();
    }

    /**
     * The logged-in user's claims.
     *
     * @return the claims
     */
    @GET
    @Path("userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject userInfo() {
        JsonArrayBuilder groupList = Json.createArrayBuilder();
        for (String group : groups.split(",")) {
            if (!group.isBlank()) {
                groupList.add(group.trim());
            }
        }
        return Json.createObjectBuilder().add("sub", user).add("preferred_username", user).add("groups", groupList)
                .build();
    }

    private static String issuer(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private String sign(JsonObject claims) {
        String header = base64(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", "mock")
                .build().toString().getBytes(StandardCharsets.UTF_8));
        String body = base64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + base64(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger number) {
        byte[] bytes = number.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
