#include "WavIO.h"
#include "HostError.h"

using namespace juce;

namespace WavIO
{

Audio read (const File& file)
{
    if (! file.existsAsFile())
        failArgs ("input not found: " + file.getFullPathName());

    AudioFormatManager formats;
    formats.registerBasicFormats();
    std::unique_ptr<AudioFormatReader> reader (formats.createReaderFor (file));

    if (reader == nullptr)
        failArgs ("cannot read audio from " + file.getFullPathName() + " (expected WAV or AIFF)");

    if (reader->lengthInSamples > std::numeric_limits<int>::max())
        failArgs ("input too long: " + file.getFullPathName());

    Audio audio;
    audio.sampleRate = reader->sampleRate;
    audio.samples.setSize ((int) reader->numChannels, (int) reader->lengthInSamples);

    if (! reader->read (&audio.samples, 0, (int) reader->lengthInSamples, 0, true, true))
        failArgs ("error while reading " + file.getFullPathName());

    return audio;
}

std::unique_ptr<AudioFormatWriter> createFloatWriter (const File& file, double sampleRate, int numChannels)
{
    file.deleteFile();
    auto stream = file.createOutputStream();

    if (stream == nullptr)
        failArgs ("cannot write " + file.getFullPathName());

    // JUCE's WAV writer stores 32-bit samples as IEEE float (WAVE_FORMAT_IEEE_FLOAT): no clipping
    // or dither, so tests see exactly what the plugin produced.
    std::unique_ptr<AudioFormatWriter> writer (WavAudioFormat().createWriterFor (stream.get(), sampleRate,
                                                                                 (unsigned int) numChannels,
                                                                                 32, {}, 0));
    if (writer == nullptr)
        failArgs ("cannot create a WAV writer for " + file.getFullPathName());

    stream.release(); // the writer owns the stream now
    return writer;
}

}
