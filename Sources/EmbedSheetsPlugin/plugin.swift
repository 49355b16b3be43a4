import Foundation
import PackagePlugin

/// Embeds `scoresheets/` in the library at build time (see `SheetEmbedder`): the build reruns it whenever a sheet
/// or route guide changes, so the binary always carries exactly what the folder holds.
@main
struct EmbedSheetsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let sheets = context.package.directoryURL.appending(path: "scoresheets")
    var inputs: [URL] = []
    if let enumerator = FileManager.default.enumerator(at: sheets, includingPropertiesForKeys: nil) {
      for case let file as URL in enumerator where file.pathExtension == "json" { inputs.append(file) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "BundledSheetFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding the bundled scoresheets",
        executable: try context.tool(named: "SheetEmbedder").url,
        arguments: [sheets.path, output.path],
        inputFiles: inputs.sorted { $0.path < $1.path },
        outputFiles: [output])
    ]
  }
}
