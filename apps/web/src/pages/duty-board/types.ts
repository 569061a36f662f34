// Shapes of the campaign answers the board and the overdue list read.
export interface CampaignHeader {
  id: string;
  name: string;
  status: string;
}

export interface CampaignPhase {
  id: string;
  seq: number;
  name: string;
}
