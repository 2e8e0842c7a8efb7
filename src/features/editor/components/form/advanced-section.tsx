import { ListField, MapField } from './collection-fields';
import { TextField } from './fields';
import { CheckField } from './choice-fields';
import { Row, Section } from './section';

/** Kubernetes and cluster-specific settings most services never need. */
export function AdvancedSection() {
  return (
    <Section
      title="Kubernetes and advanced"
      description="Image pull secrets, labels, annotations, totals, Alpine images, interLink nodes"
      paths={[['image_pull_secrets'], ['labels'], ['annotations'], ['total_cpu'], ['total_memory'], ['ephemeral_storage_request'], ['alpine'], ['interlink_node_name'], ['enable_sgx'], ['image_prefetch'], ['file_stage_in']]}
    >
      <ListField path={['image_pull_secrets']} label="Image pull secrets" placeholder="my-registry-secret" hint="Kubernetes secrets with the credentials of a private registry, comma-separated." />
      <Row cols={3}>
        <TextField path={['total_cpu']} label="CPU for all runs together" mono placeholder="4" hint="Needs Apache YuniKorn on the cluster." />
        <TextField path={['total_memory']} label="Memory for all runs together" mono placeholder="8Gi" hint="Needs Apache YuniKorn on the cluster." />
        <TextField path={['ephemeral_storage_request']} label="Scratch disk per run" mono placeholder="10Gi" />
      </Row>
      <Row>
        <CheckField path={['alpine']} label="The image is based on Alpine Linux" hint="OSCAR then uses its Alpine build of the supervisor." />
        <TextField path={['interlink_node_name']} label="interLink node" mono hint="Run on a remote HPC node through interLink (virtual kubelet)." />
      </Row>
      <Row cols={3}>
        <CheckField path={['image_prefetch']} label="Cache the image on the nodes in advance" />
        <CheckField path={['file_stage_in']} label="Do not download the input file" hint="For scripts that read the input themselves." />
        <CheckField path={['enable_sgx']} label="Run in an Intel SGX enclave (SCONE)" />
      </Row>
      <MapField path={['labels']} label="Labels" hint="Kubernetes labels on each job." keyLabel="Label" addLabel="Add label" />
      <MapField path={['annotations']} label="Annotations" hint="Kubernetes annotations on each job." keyLabel="Annotation" addLabel="Add annotation" />
    </Section>
  );
}
