package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeterScaleTest {
    @Test
    void linearInDecibelsBetweenFloorAndTop() {
        assertEquals(0f, MeterScale.fraction(-60), 0f);
        assertEquals(1f, MeterScale.fraction(6), 0f);
        assertEquals(42f / 66f, MeterScale.fraction(-18), 1e-6f);
        assertEquals(100f + 200f * (1f - 42f / 66f), MeterScale.y(-18, 100f, 200f), 1e-4f);
    }

    @Test
    void silenceAndNonsenseSitAtTheFloor() {
        assertEquals(0f, MeterScale.fraction(Double.NEGATIVE_INFINITY), 0f);
        assertEquals(0f, MeterScale.fraction(Double.NaN), 0f);
        assertEquals(1f, MeterScale.fraction(40), 0f);
    }
}
