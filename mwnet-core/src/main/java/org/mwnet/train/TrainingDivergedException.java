package org.mwnet.train;

/** Training produced a non-finite loss; the message says where and suggests a remedy. */
public final class TrainingDivergedException extends RuntimeException {
    /** @param message where it diverged and what to try */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
