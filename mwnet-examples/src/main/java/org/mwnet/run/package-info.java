/**
 * A run's directory and what it holds: the folder opened and locked for one run (fresh, resumed, or overwriting
 * another run only once the new one has ended), what a finished run leaves there (metrics, charts, checkpoint, V,
 * {@code weights.csv}, {@code inputs.json}), the data a run trains on ({@link org.mwnet.run.RunData}), and the
 * training images behind a finished run's {@code weights.csv}, read back from the files it recorded. Names no flags:
 * a refused folder is a {@link org.mwnet.run.RunDirectoryException}, and the command line says it in flags. May
 * import the core packages and {@code plots}; nothing of {@code cli}.
 */
package org.mwnet.run;
