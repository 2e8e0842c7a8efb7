import { Button } from '../../../../components/button';
import { ListField, MapField } from './collection-fields';
import { NumberField, TextField } from './fields';
import { CheckField, SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

/** Serve a model with KServe instead of running a script. */
export function KserveSection() {
  const { service, setField, readOnly } = useForm();
  const k = service.kserve;
  return (
    <Section title="KServe model serving" description="Serve a model with KServe (InferenceService or LLMInferenceService)" defaultOpen={k !== undefined} paths={[['kserve']]}>
      {k ? (
        <>
          <Row cols={3}>
            <SelectField
              path={['kserve', 'type']}
              label="Kind"
              emptyLabel="inference (default)"
              options={[
                { value: 'inference', label: 'inference: a classic model' },
                { value: 'llm_inference', label: 'llm_inference: a large language model' },
              ]}
            />
            <TextField path={['kserve', 'storage_uri']} label="Model location" mono placeholder="hf://Qwen/Qwen2.5-0.5B" />
            <TextField path={['kserve', 'api_version']} label="Protocol version" mono placeholder="v1" />
          </Row>
          {k.type === 'llm_inference' ? (
            <TextField path={['kserve', 'llm_inference', 'runtime_image']} label="Runtime image" mono placeholder="(a vLLM image chosen by OSCAR)" />
          ) : (
            <Row>
              <TextField path={['kserve', 'inference', 'model_format']} label="Model format" mono placeholder="sklearn, onnx, pytorch, huggingface…" />
              <TextField path={['kserve', 'inference', 'runtime']} label="Runtime" mono />
            </Row>
          )}
          <Row cols={4}>
            <TextField path={['kserve', 'cpu']} label="CPU cores" mono placeholder="0.2" />
            <TextField path={['kserve', 'memory']} label="Memory" mono placeholder="256Mi" />
            <NumberField path={['kserve', 'min_scale']} label="Minimum copies" placeholder="0" />
            <NumberField path={['kserve', 'max_scale']} label="Maximum copies" placeholder="1" />
          </Row>
          <Row>
            <CheckField path={['kserve', 'enable_gpu']} label="Use a GPU" />
            <CheckField path={['kserve', 'set_auth']} label="Require a token to call the model" defaultValue />
          </Row>
          <ListField path={['kserve', 'args']} label="Container arguments" placeholder="--max-model-len, 2048" hint="Comma-separated." />
          <MapField path={['kserve', 'env']} label="Environment of the model server" keyLabel="Variable name" addLabel="Add variable" />
          <div>
            <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['kserve'], undefined)}>
              Stop using KServe
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button size="sm" disabled={readOnly} onClick={() => setField(['kserve'], { type: 'inference', storage_uri: '' })}>
            Serve a model with KServe
          </Button>
        </div>
      )}
    </Section>
  );
}
