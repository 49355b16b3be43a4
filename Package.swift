// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "TitleScore",
  products: [
    .library(name: "TitleScore", targets: ["TitleScore"]),
    .executable(name: "titlescore", targets: ["titlescore"]),
  ],
  targets: [
    // The bundled sheets travel inside the library: a build plugin turns scoresheets/ into a source file.
    .target(name: "TitleScore", dependencies: ["CZlib"], plugins: ["EmbedSheetsPlugin"]),
    // The system zlib, for the DEFLATE streams of XLSX workbooks (read and written); the one system library.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    .executableTarget(name: "SheetEmbedder"),
    .plugin(
      name: "EmbedSheetsPlugin", capability: .buildTool(), dependencies: ["SheetEmbedder"],
      path: "Sources/EmbedSheetsPlugin"),
    // The local web server and its page (`titlescore serve`): HTTP over the C library's sockets, the JSON API, and
    // the page application it carries.
    .target(
      name: "TitleScoreWeb", dependencies: ["TitleScore"], exclude: ["Page"], plugins: ["EmbedSheetsPlugin"]),
    .executableTarget(name: "titlescore", dependencies: ["TitleScore", "TitleScoreWeb"]),
    // An example of the public API (`swift run ScoreInCode`). A test type-checks it as a program outside this
    // package would see TitleScore: public declarations only.
    .executableTarget(name: "ScoreInCode", dependencies: ["TitleScore"]),
    .testTarget(
      name: "TitleScoreTests",
      // The command line's tests run the built binary, so the tests depend on it being built.
      dependencies: ["TitleScore", "TitleScoreWeb", "titlescore", "ScoreInCode"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
