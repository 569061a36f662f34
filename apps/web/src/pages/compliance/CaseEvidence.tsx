// Evidence files of a compliance case (POST/GET /compliance-cases/:id/evidence): the uploader
// with its progress bar, and the list with downloads. Inspection cases and compliance cases share them.
import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Button, List, Progress, Space, Upload, message } from 'antd';
import { download, uploadFile } from '../../api/client';
import { errorText } from '../../components/api-errors';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { CaseEvidence } from '@duban/contracts';

/** Sends files one by one to the case; each stored file is handed to onUploaded. */
export function EvidenceUploader({ caseId, onUploaded, testId = 'evidence-upload' }: { caseId: string; onUploaded(file: CaseEvidence): void; testId?: string }) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  return (
    <Space orientation="vertical" className="full-width" data-testid={testId}>
      <Upload.Dragger
        name="file"
        multiple
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          const name = (file as File).name;
          setUploading({ name, percent: 0 });
          uploadFile<CaseEvidence>(`/compliance-cases/${caseId}/evidence`, file as File, (percent) => setUploading({ name, percent }))
            .then((stored) => {
              void message.success(t('evidence.uploaded', { name }));
              onSuccess?.(stored);
              onUploaded(stored);
            })
            .catch((error: unknown) => {
              void message.error(t('evidence.uploadFailed', { name, message: errorText(error, t) }));
              onError?.(error as Error);
            })
            .finally(() => setUploading(null));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t('evidence.upload')}</p>
        <p className="upload-hint">{t('evidence.uploadHint')}</p>
      </Upload.Dragger>
      {uploading && <Progress percent={uploading.percent} data-testid="evidence-upload-progress" aria-label={t('evidence.uploading', { name: uploading.name })} />}
    </Space>
  );
}

export function EvidenceList({ files }: { files: CaseEvidence[] }) {
  const { t, label } = useI18n();
  return (
    <List
      data-testid="case-evidence"
      locale={{ emptyText: t('evidence.none') }}
      dataSource={files}
      renderItem={(f) => (
        <List.Item
          actions={[
            <Button key="download" type="link" onClick={() => void download(f.downloadPath, undefined, f.fileName).catch((e: unknown) => void message.error(errorText(e, t)))}>
              {t('action.download')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={f.fileName}
            description={`${t('evidence.size', { size: Math.max(1, Math.ceil(f.sizeBytes / 1024)) })} · ${f.uploaderUsername} (${label('role', f.uploaderRole)}) · ${formatDateTime(f.uploadedAt)}`}
          />
        </List.Item>
      )}
    />
  );
}
