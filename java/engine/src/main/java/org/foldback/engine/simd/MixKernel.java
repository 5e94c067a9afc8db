package org.foldback.engine.simd;

/**
 * The Vector API form of the busiest {@code MixLoops}: each method does the whole vectors of a
 * block and returns where it stopped, and MixLoops finishes the rest in its plain loop. Every lane
 * does the plain loop's multiplications and additions in the same order (no fused multiply-add),
 * so both forms give the same bits. Null when {@link Simd} is off.
 */
public interface MixKernel {
    /** acc += k · x with kRL = kLR = 0; returns the samples done. */
    int addDiagonal(float[] xl, float[] xr, float[] al, float[] ar, int n, float kll, float krr);

    /** acc += k · x; returns the samples done. */
    int addMatrix(float[] xl, float[] xr, float[] al, float[] ar, int n, float kll, float krl, float klr, float krr);

    /** acc += (kL, kR) · m; returns the samples done. */
    int addMono(float[] m, float[] al, float[] ar, int n, float kl, float kr);

    /** y = m · x with m01 = m10 = 0; returns the samples done. */
    int applyDiagonal(float[] xl, float[] xr, float[] yl, float[] yr, int n, float m00, float m11);

    /** y = m · x; returns the samples done. */
    int applyMatrix(float[] xl, float[] xr, float[] yl, float[] yr, int n, float m00, float m01, float m10, float m11);

    /** acc += g · x on both channels, g constant; returns the samples done. */
    int addScaled(float[] xl, float[] xr, float[] al, float[] ar, int n, float g);

}
