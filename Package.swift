// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "TitleScore",
  products: [
    .library(name: "TitleScore", targets: ["TitleScore"]),
    .executable(name: "titlescore", targets: ["titlescore"]),
  ],
  targets: [
    .target(name: "TitleScore"),
    .executableTarget(name: "titlescore", dependencies: ["TitleScore"]),
    .testTarget(
      name: "TitleScoreTests",
      // The command line's tests run the built binary, so the tests depend on it being built.
      dependencies: ["TitleScore", "titlescore"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
