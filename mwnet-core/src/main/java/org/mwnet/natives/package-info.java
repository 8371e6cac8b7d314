/**
 * What the process and its native libraries report about themselves: the CPU's native build and BLAS, resident
 * memory. Imports nothing else of mwnet.
 */
package org.mwnet.natives;
