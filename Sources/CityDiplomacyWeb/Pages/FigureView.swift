/// A chart with its caption and the links that download it, as the `_figure` template shows it.
struct FigureView {
    /// The links under a figure: the chart as SVG and CSV from the server, and as PNG drawn by the
    /// browser from the SVG (`/assets/charts.js`), whose link stays hidden without the script.
    struct Downloads {
        struct File {
            let text: String
            let address: String
            let filename: String
        }

        let label: String
        let svg: File
        let csv: File
        let png: File
        /// Why the PNG takes a moment, and where it comes from.
        let pngNote: String
    }

    let caption: String
    let chart: BarChartView
    let downloads: Downloads?

    /// Chart `name` drawn on a page, with links to its files at `/charts/{name}.svg|.csv` under
    /// the parameters `query` (and the page's language).
    init(_ chart: BarChart, name: ChartName, query: [(String, String?)], context c: PageContext) {
        caption = chart.caption
        self.chart = chart.view
        downloads = Self.downloads(name, query: query, context: c)
    }

    /// The links to chart `name`'s files at `/charts/{name}.svg|.csv` under the parameters
    /// `query` (and the page's language), and to its PNG drawn by the browser.
    static func downloads(_ name: ChartName, query: [(String, String?)], context c: PageContext) -> Downloads {
        let svgAddress = c.href("/charts/\(name.rawValue).svg", query)
        let filename = ChartFiles.filename(name, query: query, language: c.language)
        return Downloads(
            label: c.text(.message("chart.download")),
            svg: Downloads.File(text: c.text(.message("chart.download.svg")), address: svgAddress, filename: filename + ".svg"),
            csv: Downloads.File(text: c.text(.message("chart.download.csv")), address: c.href("/charts/\(name.rawValue).csv", query), filename: filename + ".csv"),
            png: Downloads.File(text: c.text(.message("chart.download.png")), address: svgAddress, filename: filename + ".png"),
            pngNote: c.text(.message("chart.download.png-note")))
    }
}
