import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One GET with the JDK's HttpClient and its defaults (capture.sh runs it as a single-file program). */
public class Client {
    public static void main(String[] args) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0])).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
