package org.mwnet.spark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * Keeps Spark quiet while its context starts. A context that cannot start (a master URL Spark cannot parse, a cluster
 * manager it lacks) logs "Error initializing SparkContext" with the whole stack trace, then throws; mwnet reports the
 * exception's first line itself, so that log would only bury it. Spark's logging is left as it is when it is
 * configured to say more than warnings ({@code MWNET_LOG=INFO}), or when it does not log through logback (under
 * spark-submit, Spark's own log4j).
 */
final class SparkStartLog {
    private static final String SPARK = "org.apache.spark";
    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";

    private SparkStartLog() {
    }

    /**
     * @param start starts the context
     * @param <T> what it returns
     * @return what {@code start} returned
     * @throws Exception what {@code start} threw
     */
    static <T> T quietly(Callable<T> start) throws Exception {
        // compared by name: logback's classes need not be loadable under spark-submit
        if (!LoggerFactory.getLogger(SPARK).getClass().getName().equals(LOGBACK_LOGGER)) {
            return start.call();
        }
        return Logback.quietly(start);
    }

    /** The logback part, loaded only when logback is SLF4J's binding. */
    private static final class Logback {
        static <T> T quietly(Callable<T> start) throws Exception {
            Logger spark = (Logger) LoggerFactory.getLogger(SPARK);
            if (spark.isInfoEnabled()) {
                return start.call();
            }
            Level before = spark.getLevel();
            spark.setLevel(Level.OFF);
            try {
                return start.call();
            } finally {
                spark.setLevel(before);
            }
        }
    }
}
