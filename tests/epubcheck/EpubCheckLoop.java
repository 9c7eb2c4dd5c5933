import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * EPUBCheck for many books in one JVM: reads "BOOK<TAB>REPORT" lines on stdin, runs EPUBCheck's own
 * command line on each (--usage --json REPORT -q), answers with its exit code on a line of stdout.
 */
public class EpubCheckLoop {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream answers = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        String line;
        while ((line = in.readLine()) != null) {
            String[] paths = line.split("\t");
            int code;
            try {
                code = new EpubChecker().run(new String[] {paths[0], "--usage", "--json", paths[1], "-q"});
            } catch (Throwable error) {
                code = -1;
            }
            answers.println(code);
            answers.flush();
        }
    }
}
