#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

/** Order statistics of a run of per-block times (µs). Percentiles are nearest-rank. */
struct BenchStats
{
    double median = 0, mean = 0, p99 = 0, p999 = 0, p9999 = 0, max = 0;

    static BenchStats of (std::vector<double> values)
    {
        BenchStats s;

        if (values.empty())
            return s;

        std::sort (values.begin(), values.end());
        auto rank = [&] (double p)
        {
            const auto index = (size_t) std::ceil (p * (double) values.size()) - 1;
            return values[std::min (index, values.size() - 1)];
        };
        s.median = rank (0.5);
        s.p99 = rank (0.99);
        s.p999 = rank (0.999);
        s.p9999 = rank (0.9999);
        s.max = values.back();
        s.mean = std::accumulate (values.begin(), values.end(), 0.0) / (double) values.size();
        return s;
    }
};
