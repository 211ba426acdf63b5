using System.Globalization;
using Pairing.Core.Internals;

namespace Pairing.Core.Reports;

/// <summary>Inline SVG bar charts drawn with rects and text: no script, no font, nothing fetched.</summary>
internal static class SvgCharts
{
    private const int Width = 720;
    private const int LabelWidth = 180;
    private const int BarLeft = LabelWidth + 6;
    private const int BarWidth = 440;
    private const int BarHeight = 12;

    /// <summary>A piece of a bar: its length as a share of the chart's whole, its colour class and what it says on hover.</summary>
    public readonly record struct Segment(double Fraction, string Class, string Title);

    /// <summary>One bar of a row: stacked segments and the text after it.</summary>
    public readonly record struct Bar(IReadOnlyList<Segment> Segments, string Text);

    /// <summary>A labelled row of one bar or several (grouped).</summary>
    public readonly record struct Row(string Label, IReadOnlyList<Bar> Bars);

    public static void HorizontalBars(HtmlWriter w, string id, string title, IReadOnlyList<Row> rows, params ReadOnlySpan<(string Class, string Text)> legend)
    {
        var height = 8;
        foreach (var row in rows)
        {
            height += (row.Bars.Count * (BarHeight + 2)) + 8;
        }

        height = Math.Max(height, 24);
        w.Element("h3", title, "class", "chart-title");
        if (legend.Length > 0)
        {
            Legend(w, legend);
        }

        w.Open("div", "class", "chart-box");
        w.Open("svg", "class", "chart", "data-chart", id, "viewBox", $"0 0 {Width} {height}", "role", "img", "aria-label", title, "preserveAspectRatio", "xMinYMin meet");
        w.Element("title", title);
        var y = 8;
        foreach (var row in rows)
        {
            var rowHeight = row.Bars.Count * (BarHeight + 2);
            w.Element("text", Excerpt.Of(row.Label, 16), "x", I(LabelWidth), "y", I(y + (rowHeight / 2) + 4), "text-anchor", "end");
            foreach (var bar in row.Bars)
            {
                w.Empty("rect", "class", "c-track", "x", I(BarLeft), "y", I(y), "width", I(BarWidth), "height", I(BarHeight));
                double x = BarLeft;
                foreach (var segment in bar.Segments)
                {
                    var width = Math.Clamp(segment.Fraction, 0, 1) * BarWidth;
                    if (width > 0)
                    {
                        w.Open("rect", "class", segment.Class, "x", D(x), "y", I(y), "width", D(width), "height", I(BarHeight));
                        w.Element("title", segment.Title);
                        w.Close();
                    }

                    x += width;
                }

                w.Element("text", bar.Text, "x", I(BarLeft + BarWidth + 6), "y", I(y + BarHeight - 2), "class", "v");
                y += BarHeight + 2;
            }

            y += 8;
        }

        w.Close();
        w.Close();
    }

    /// <summary>A column chart (a histogram): one column per bucket, its count above it.</summary>
    public static void Columns(HtmlWriter w, string id, string title, IReadOnlyList<(string Label, long Value)> columns, params ReadOnlySpan<string?> attributes)
    {
        const int height = 220, top = 24, bottom = 40, left = 20;
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(c => c.Value));
        var step = (Width - left - 10) / (double)Math.Max(1, columns.Count);
        var area = height - top - bottom;
        w.Element("h3", title, "class", "chart-title");
        string?[] svg = ["class", "chart", "data-chart", id, "viewBox", $"0 0 {Width} {height}", "role", "img", "aria-label", title, "preserveAspectRatio", "xMinYMin meet", .. attributes];
        w.Open("div", "class", "chart-box");
        w.Open("svg", svg);
        w.Element("title", title);
        w.Empty("line", "x1", I(left), "y1", I(height - bottom), "x2", I(Width - 10), "y2", I(height - bottom), "class", "axis");
        for (var i = 0; i < columns.Count; i++)
        {
            var (label, value) = columns[i];
            var h = area * value / (double)max;
            var x = left + (i * step) + (step * 0.15);
            w.Open("rect", "class", "c-bar", "x", D(x), "y", D(height - bottom - h), "width", D(step * 0.7), "height", D(h),
                "data-bucket", label, "data-count", I(value));
            w.Element("title", $"{label}: {HtmlWriter.Number(value)}");
            w.Close();
            w.Element("text", HtmlWriter.Number(value), "x", D(x + (step * 0.35)), "y", D(height - bottom - h - 4), "text-anchor", "middle", "class", "v");
            w.Element("text", label, "x", D(x + (step * 0.35)), "y", I(height - bottom + 16), "text-anchor", "middle");
        }

        w.Close();
        w.Close();
    }

    public static void Legend(HtmlWriter w, params ReadOnlySpan<(string Class, string Text)> items)
    {
        w.Open("p", "class", "legend");
        foreach (var (cls, text) in items)
        {
            w.Open("span", "class", "key");
            w.Open("svg", "class", "swatch", "viewBox", "0 0 10 10", "width", "10", "height", "10", "aria-hidden", "true");
            w.Empty("rect", "class", cls, "x", "0", "y", "0", "width", "10", "height", "10");
            w.Close();
            w.Text(" " + text);
            w.Close();
        }

        w.Close();
    }


    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
