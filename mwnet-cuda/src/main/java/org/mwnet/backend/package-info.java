/**
 * The ND4J backend: choosing CPU or CUDA before ND4J loads (from {@code nvidia-smi}, without loading ND4J), and
 * reporting what was loaded. May import {@code natives} only, so the launcher can run it on a class path without the
 * rest.
 */
package org.mwnet.backend;
