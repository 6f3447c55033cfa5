package io.passivetcp.flink.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;

import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * A scalar function that matches against the signature database of the job parameter {@value #PARAMETER}
 * ({@code pipeline.global-job-parameters}): a bundled name ({@link BundledDatabases#NAMES}) or a database file
 * readable where the function runs; the bundled default when unset. Loaded once per function instance.
 */
public abstract class DatabaseFunction extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    /** The job parameter naming the database. */
    public static final String PARAMETER = "passivetcp.db";

    /** The database in force, from {@link #open}. */
    protected transient SignatureDatabase db;

    @Override
    public void open(FunctionContext context) {
        String choice = context.getJobParameter(PARAMETER, BundledDatabases.DEFAULT);
        if (BundledDatabases.contains(choice)) {
            db = BundledDatabases.load(choice);
            return;
        }
        try {
            db = SignatureDatabase.load(Paths.get(choice));
        } catch (IOException e) {
            throw new UncheckedIOException(PARAMETER + " = " + choice + ": neither a bundled database ("
                    + String.join(", ", BundledDatabases.NAMES) + ") nor a readable file", e);
        } catch (SignatureSyntaxException e) {
            throw new IllegalArgumentException(PARAMETER + " = " + choice + ": bad signature database: "
                    + e.getMessage(), e);
        }
    }
}
