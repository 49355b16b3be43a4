import Foundation
import PackagePlugin

/// Embeds files in a library at build time (see `SheetEmbedder`): `scoresheets/` in TitleScore, and the web page's
/// `Page/` folder in TitleScoreWeb. The build reruns it whenever one of those files changes, so the binary always
/// carries exactly what the folders hold.
@main
struct EmbedSheetsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let page = target.name == "TitleScoreWeb"
    let folder =
      page
      ? context.package.directoryURL.appending(path: "Sources/TitleScoreWeb/Page")
      : context.package.directoryURL.appending(path: "scoresheets")
    let extensions: Set<String> = page ? ["html", "js", "css", "svg"] : ["json"]
    var inputs: [URL] = []
    if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
      for case let file as URL in enumerator where extensions.contains(file.pathExtension) { inputs.append(file) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: page ? "PageFiles.swift" : "BundledSheetFiles.swift")
    return [
      .buildCommand(
        displayName: page ? "Embedding the web page" : "Embedding the bundled scoresheets",
        executable: try context.tool(named: "SheetEmbedder").url,
        arguments: (page ? ["--page"] : []) + [folder.path, output.path],
        inputFiles: inputs.sorted { $0.path < $1.path },
        outputFiles: [output])
    ]
  }
}
