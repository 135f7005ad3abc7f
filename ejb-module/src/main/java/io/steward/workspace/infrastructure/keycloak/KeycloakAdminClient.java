package io.steward.workspace.infrastructure.keycloak;

import io.steward.shared.application.DeadlineHttpClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls Keycloak's admin REST API as the app's service account (client credentials). Kept to the
 * few calls the membership directory needs, over the JDK HTTP client, instead of the RESTEasy-based
 * keycloak-admin-client, which would put a second JAX-RS implementation into an EAR that runs on
 * Payara's Jersey.
 */
@ApplicationScoped
public class KeycloakAdminClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject
  @ConfigProperty(name = "steward.keycloak.url")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "steward.keycloak.realm")
  String realm;

  @Inject
  @ConfigProperty(name = "steward.keycloak.client-id")
  String clientId;

  @Inject
  @ConfigProperty(name = "steward.keycloak.client-secret")
  Optional<String> clientSecret;

  private HttpClient http;
  private String accessToken;
  private Instant accessTokenExpiry = Instant.MIN;

  @PostConstruct
  void init() {
    http = DeadlineHttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A GET whose 404 means "absent". */
  public Optional<JsonStructure> find(String path) {
    HttpResponse<String> response = send("GET", path, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse(expectSuccess("GET", path, response)));
  }

  public JsonStructure get(String path) {
    return parse(expectSuccess("GET", path, send("GET", path, null)));
  }

  /** POSTs a JSON body and returns the id of the created resource (from its Location header). */
  public String create(String path, JsonObject body) {
    HttpResponse<String> response = expectSuccessResponse("POST", path, send("POST", path, body));
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new DirectoryFailure("Keycloak gave no Location for POST " + path));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  public void put(String path) {
    expectSuccess("PUT", path, send("PUT", path, null));
  }

  /** DELETE that tolerates an already-absent resource. */
  public void delete(String path) {
    HttpResponse<String> response = send("DELETE", path, null);
    if (response.statusCode() != 404) {
      expectSuccess("DELETE", path, response);
    }
  }

  /** True when the realm's discovery document answers. */
  public boolean isReachable() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      keycloakUrl + "/realms/" + realm + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3))
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String method, String path, JsonObject body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + realm + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return exchange(request.build(), method + " " + path);
  }

  private synchronized String token() {
    if (accessToken != null && Instant.now().isBefore(accessTokenExpiry)) {
      return accessToken;
    }
    String secret =
        clientSecret.orElseThrow(
            () -> new DirectoryFailure("steward.keycloak.client-secret is not configured"));
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = exchange(request, "token request");
    if (response.statusCode() != 200) {
      throw new DirectoryFailure(
          "Keycloak refused the service account: HTTP " + response.statusCode());
    }
    JsonObject json = (JsonObject) parse(response.body());
    accessToken = json.getString("access_token");
    // Renew a little early so a token never expires between check and use.
    accessTokenExpiry = Instant.now().plusSeconds(Math.max(5, json.getInt("expires_in", 60) - 15));
    return accessToken;
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new DirectoryFailure("Keycloak unreachable for " + what + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryFailure("interrupted during " + what);
    }
  }

  private static String expectSuccess(String method, String path, HttpResponse<String> response) {
    return expectSuccessResponse(method, path, response).body();
  }

  private static HttpResponse<String> expectSuccessResponse(
      String method, String path, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new DirectoryFailure(
          "Keycloak answered HTTP " + response.statusCode() + " to " + method + " " + path);
    }
    return response;
  }

  private static JsonStructure parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }
}
