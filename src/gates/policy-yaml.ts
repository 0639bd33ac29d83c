import { readYamlDocuments } from '../catalog/backstage-yaml.js';
import { pointer } from '../core/errors.js';
import { type Policy, policySchema } from './policy-model.js';

/** A problem in a policy file, located like the catalog's Backstage import: file, YAML document, field. */
export interface PolicyIssue {
  file: string;
  document: number;
  path: string;
  message: string;
}

/**
 * Reads one policy from YAML: a single document, checked field by field. Every problem is reported
 * (not only the first), so a user fixes the file in one pass.
 */
export function parsePolicyYaml(
  content: string,
  opts: { file: string; name: string },
): { policy?: Policy; issues: PolicyIssue[] } {
  const { documents, issues } = readYamlDocuments({ path: opts.file, content });
  const out: PolicyIssue[] = issues.map((i) => ({ ...i, file: opts.file }));
  if (out.length) return { issues: out };
  if (documents.length !== 1) {
    const message =
      documents.length === 0 ? 'no policy in the YAML' : 'one policy per file: found several documents';
    return { issues: [{ file: opts.file, document: documents[1]?.index ?? 0, path: '/', message }] };
  }
  const doc = documents[0]!;
  const parsed = policySchema.safeParse(doc.value);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({
              file: opts.file,
              document: doc.index,
              path: pointer([...i.path, k]),
              message: 'unknown field',
            }))
          : [{ file: opts.file, document: doc.index, path: pointer(i.path), message: i.message }],
      ),
    };
  }
  if (parsed.data.name !== undefined && parsed.data.name !== opts.name) {
    return {
      issues: [
        {
          file: opts.file,
          document: doc.index,
          path: '/name',
          message: `must be ${opts.name} (the policy saved)`,
        },
      ],
    };
  }
  return { policy: { ...parsed.data, name: opts.name }, issues: [] };
}
