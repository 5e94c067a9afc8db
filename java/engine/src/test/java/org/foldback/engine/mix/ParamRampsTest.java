package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class ParamRampsTest {

    @Test
    void rampsTakeTheirLengthFromTheTable() {
        CueParams cue = Params.cue(2);
        assertEquals(Rig.GAIN_RAMP, ParamRamps.samples(Rig.RATE, cue.level()));
        assertEquals(Rig.GAIN_RAMP, ParamRamps.samples(Rig.RATE, cue.send(4).pan()));
        assertEquals(Rig.TOGGLE_RAMP, ParamRamps.samples(Rig.RATE, cue.dim(), cue.dimAmount()));
        assertEquals(Rig.TOGGLE_RAMP, ParamRamps.samples(Rig.RATE, Params.global().talkbackOn(),
                Params.global().talkbackDim(), cue.talkback()));
        assertEquals(2 * Rig.GAIN_RAMP, ParamRamps.samples(2 * Rig.RATE, cue.ceiling()));
    }

    @Test
    void oneRampCannotCarryParametersWithDifferentTimes() {
        CueParams cue = Params.cue(0);
        assertThrows(IllegalStateException.class, () -> ParamRamps.samples(Rig.RATE, cue.level(), cue.mute()));
    }
}
