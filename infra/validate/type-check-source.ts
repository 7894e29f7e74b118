import ts from 'typescript';

/**
 * Type-checks one in-memory TypeScript source as if it were the file `fileName` (which
 * need not exist): placed beside a folder's node_modules, its imports resolve from there.
 * Returns the diagnostics of that file alone. Used to hold rendered manifests and the
 * dashboard against the maintained type definitions of their schemas.
 */
export function typeCheckSource(fileName: string, source: string): ts.Diagnostic[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    // No DOM: only the basic types are needed, and the DOM's declarations are slow.
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    name === fileName
      ? ts.createSourceFile(name, source, languageVersion, true)
      : getSourceFile(name, languageVersion, onError, shouldCreate);
  const program = ts.createProgram([fileName], options, host);
  return [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].filter(
    (diagnostic) => diagnostic.file?.fileName === fileName,
  );
}
