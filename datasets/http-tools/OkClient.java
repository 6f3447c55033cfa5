import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** One GET with OkHttp and its defaults (capture.sh runs it as a single-file program with OkHttp's jars). */
public class OkClient {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();
        try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
            response.body().bytes();
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
