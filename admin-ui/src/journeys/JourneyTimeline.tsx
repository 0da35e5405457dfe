import LeadIcon from '@mui/icons-material/PersonAdd';
import StageIcon from '@mui/icons-material/Flag';
import TaskIcon from '@mui/icons-material/Assignment';
import DoneIcon from '@mui/icons-material/AssignmentTurnedIn';
import OverdueIcon from '@mui/icons-material/AssignmentLate';
import EndIcon from '@mui/icons-material/SportsScore';
import { Card, CardContent, CardHeader, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { RelativeTime } from '../common/RelativeTime';
import type { JourneyDetail, JourneyEvent, JourneyEventType } from '../types';

type Describe = (data: JourneyEvent['data'], taskTitle: (taskId: unknown) => string) => string;

const EVENTS: Record<JourneyEventType, { icon: ReactElement; describe: Describe }> = {
  lead_received: { icon: <LeadIcon />, describe: (d) => `Lead received: ${d.projectType}, ${d.budgetRange}` },
  stage_entered: { icon: <StageIcon />, describe: (d) => `Entered stage “${d.stage}”` },
  task_created: { icon: <TaskIcon />, describe: (d) => `Task created: ${d.title}` },
  task_completed: { icon: <DoneIcon />, describe: (d, title) => `Task completed: ${title(d.taskId)}` },
  task_overdue: { icon: <OverdueIcon color="error" />, describe: (d, title) => `Task overdue: ${title(d.taskId)}` },
  journey_ended: {
    icon: <EndIcon />,
    describe: (d) => `Journey ended, ${String(d.status).toLowerCase()}: ${d.reason}`,
  },
};

export const JourneyTimeline = ({ journey }: { journey: JourneyDetail }) => {
  // Events name tasks by id only; the journey carries their titles.
  const taskTitle = (taskId: unknown) => journey.tasks.find((t) => t.id === taskId)?.title ?? 'a task';
  return (
    <Card>
      <CardHeader title="History" />
      <CardContent sx={{ pt: 0 }}>
        {journey.history.length === 0 ? (
          <Typography color="text.secondary">Nothing recorded yet.</Typography>
        ) : (
          <List dense disablePadding>
            {journey.history.map((event) => {
              // An event type this UI does not know yet still shows, under its raw name.
              const known = EVENTS[event.type] as (typeof EVENTS)[JourneyEventType] | undefined;
              return (
                <ListItem key={event.id} disableGutters alignItems="flex-start">
                  <ListItemIcon>{known?.icon}</ListItemIcon>
                  <ListItemText
                    primary={known ? known.describe(event.data, taskTitle) : event.type}
                    secondary={
                      <>
                        <RelativeTime date={event.at} />
                        {event.actor && ` · by ${event.actor}`}
                      </>
                    }
                  />
                </ListItem>
              );
            })}
          </List>
        )}
      </CardContent>
    </Card>
  );
};
